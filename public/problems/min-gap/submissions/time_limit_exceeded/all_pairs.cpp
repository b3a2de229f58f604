// Compares every pair: correct, but 5*10^9 pairs for n = 10^5.
#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> t(n);
    for (auto &x : t) cin >> x;
    long long best = LLONG_MAX;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) best = min(best, llabs(t[i] - t[j]));
    cout << best << '\n';
}
