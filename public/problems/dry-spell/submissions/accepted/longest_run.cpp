#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    int best = 0, run = 0;
    for (int i = 0; i < n; i++) {
        int r;
        cin >> r;
        run = r == 0 ? run + 1 : 0;
        best = max(best, run);
    }
    cout << best << "\n";
}
