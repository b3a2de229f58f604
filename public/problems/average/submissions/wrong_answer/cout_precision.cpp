// The sum is 64-bit and the division is real, but cout prints 6 significant digits:
// 123456789.5 comes out as 1.23457e+08, a relative error of 4e-6.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    long long total = 0;
    for (int i = 0; i < n; i++) {
        long long x;
        cin >> x;
        total += x;
    }
    cout << (double)total / n << "\n";
}
