// Off by one the other way: (b - a) / k + 1 assumes a stop at a.
#include <bits/stdc++.h>
using namespace std;
int main() {
    long long a, b, k;
    cin >> a >> b >> k;
    cout << (b - a) / k + 1 << "\n";
}
