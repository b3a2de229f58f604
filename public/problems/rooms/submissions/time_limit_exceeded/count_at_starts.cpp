// For each start, counts the meetings running then: correct, but O(n^2): 10^10 checks for n = 10^5.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    scanf("%d", &n);
    vector<int> s(n), e(n);
    for (int i = 0; i < n; i++) scanf("%d %d", &s[i], &e[i]);
    int best = 0;
    for (int i = 0; i < n; i++) {
        int running = 0;
        for (int j = 0; j < n; j++)
            if (s[j] <= s[i] && s[i] < e[j]) running++;
        best = max(best, running);
    }
    printf("%d\n", best);
}
