// 32-bit int: 10^18 does not fit.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int a, b;
    cin >> a >> b;
    cout << a + b << "\n";
}
