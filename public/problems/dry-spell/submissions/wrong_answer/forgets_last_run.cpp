// Closes a run only when rain falls: a spell that lasts to the last day is never counted.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int n;
    cin >> n;
    int best = 0, run = 0;
    for (int i = 0; i < n; i++) {
        int r;
        cin >> r;
        if (r == 0) {
            run++;
        } else {
            best = max(best, run);
            run = 0;
        }
    }
    cout << best << "\n";
}
