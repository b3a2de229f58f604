// Reads word by word: the original spacing and line breaks are lost.
#include <bits/stdc++.h>
using namespace std;
int main() {
    string word;
    bool first = true;
    while (cin >> word) {
        for (char &c : word) c = toupper((unsigned char)c);
        cout << (first ? "" : " ") << word;
        first = false;
    }
    cout << "\n";
}
