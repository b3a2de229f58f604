// Tries every pair in order: correct, but when the only pair is the last two (08-large) that is
// 2*10^10 tries for n = 2*10^5.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    long long t;
    scanf("%d %lld", &n, &t);
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (a[i] + a[j] == t) {
                printf("%d %d\n", i + 1, j + 1);
                return 0;
            }
    puts("none");
}
