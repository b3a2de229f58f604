#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    scanf("%d", &n);
    long long total = 0;
    for (int i = 0; i < n; i++) {
        long long x;
        scanf("%lld", &x);
        total += x;
    }
    printf("%.9f\n", (double)total / n);
}
