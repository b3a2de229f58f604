// Compares neighbours in input order, as if the log were sorted.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    scanf("%d", &n);
    vector<long long> t(n);
    for (auto &x : t) scanf("%lld", &x);
    long long best = LLONG_MAX;
    for (int i = 0; i + 1 < n; i++) best = min(best, llabs(t[i + 1] - t[i]));
    printf("%lld\n", best);
}
