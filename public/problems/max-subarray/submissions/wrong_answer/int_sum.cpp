// 32-bit running sum: 1000 values of 10^9 overflow it.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    scanf("%d", &n);
    int best = INT_MIN, cur = 0;
    for (int i = 0; i < n; i++) {
        int x;
        scanf("%d", &x);
        cur = (i == 0 || cur < 0) ? x : cur + x;
        best = max(best, cur);
    }
    printf("%d\n", best);
}
