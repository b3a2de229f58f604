// Frees a room only when it ended strictly before the start: treats [s, e) as [s, e].
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    scanf("%d", &n);
    vector<pair<int, int>> m(n);
    for (auto &[s, e] : m) scanf("%d %d", &s, &e);
    sort(m.begin(), m.end());
    priority_queue<int, vector<int>, greater<int>> ends;
    size_t best = 0;
    for (auto [s, e] : m) {
        while (!ends.empty() && ends.top() < s) ends.pop();
        ends.push(e);
        best = max(best, ends.size());
    }
    printf("%zu\n", best);
}
