// Reads the radius as an int: 0.001 becomes 0.
#include <bits/stdc++.h>
using namespace std;
int main() {
    int r;
    cin >> r;
    printf("%.10f\n", M_PI * r * r);
}
