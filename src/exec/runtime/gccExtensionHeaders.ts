/**
 * The GCC extensions contest C++ uses, reachable through the headers g++ offers them in (every
 * compile and the precompiled header get these files in the include folder, searched before
 * libc++'s own):
 *
 * - `<algorithm>`: libc++'s, plus `std::__gcd(m, n)` (Euclid's remainder loop on one type, as
 *   g++'s: signs as `%` leaves them) and `std::__lg(n)` (index of the highest set bit, overloaded
 *   for int, long, long long and their unsigned types, each returning its own type). `<bits/stdc++.h>`
 *   includes `<algorithm>`, so both reach it too.
 * - `<ext/pb_ds/assoc_container.hpp>`, `<ext/pb_ds/tree_policy.hpp>`, `<ext/pb_ds/hash_policy.hpp>`,
 *   `<ext/pb_ds/tag_and_trait.hpp>`: our policy-based data structures (pbdsTree.ts, pbdsHashTables.ts).
 * - `<bits/extc++.h>`: `<bits/stdc++.h>` and the above.
 */
import { PBDS_HASH_TABLES_HEADER } from './pbdsHashTables';
import { PBDS_TREE_HEADER } from './pbdsTree';

const ALGORITHM = `// critique-lab: libc++'s <algorithm> plus g++'s __gcd and __lg (see gccExtensionHeaders.ts).
#include_next <algorithm>
#ifndef CRITIQUE_LAB_GCC_ALGORITHM_EXTENSIONS
#define CRITIQUE_LAB_GCC_ALGORITHM_EXTENSIONS
namespace std {
template <class Value>
Value __gcd(Value m, Value n) {
  while (n != 0) {
    Value rest = m % n;
    m = n;
    n = rest;
  }
  return m;
}
constexpr int __lg(int n) { return 31 - __builtin_clz(static_cast<unsigned>(n)); }
constexpr unsigned __lg(unsigned n) { return 31 - __builtin_clz(n); }
constexpr long __lg(long n) { return static_cast<long>(sizeof(long) * 8 - 1) - __builtin_clzl(static_cast<unsigned long>(n)); }
constexpr unsigned long __lg(unsigned long n) { return sizeof(long) * 8 - 1 - __builtin_clzl(n); }
constexpr long long __lg(long long n) { return 63 - __builtin_clzll(static_cast<unsigned long long>(n)); }
constexpr unsigned long long __lg(unsigned long long n) { return 63 - __builtin_clzll(n); }
} // namespace std
#endif
`;

const TAG_AND_TRAIT = `// critique-lab: pb_ds tags (see gccExtensionHeaders.ts).
#ifndef CRITIQUE_LAB_PBDS_TAG_AND_TRAIT_HPP
#define CRITIQUE_LAB_PBDS_TAG_AND_TRAIT_HPP
namespace __gnu_pbds {
struct null_type {};
using null_mapped_type = null_type;
struct container_tag {};
struct associative_tag : container_tag {};
struct basic_hash_tag : associative_tag {};
struct cc_hash_tag : basic_hash_tag {};
struct gp_hash_tag : basic_hash_tag {};
struct tree_tag : associative_tag {};
struct rb_tree_tag : tree_tag {};
struct splay_tree_tag : tree_tag {};
struct ov_tree_tag : tree_tag {};
template <class NodeCItr, class NodeItr, class CmpFn, class Alloc>
struct null_node_update {};
} // namespace __gnu_pbds
#endif
`;

const HASH_POLICY = `// critique-lab: pb_ds hash policies, accepted and ignored by our tables (see pbdsHashTables.ts).
#ifndef CRITIQUE_LAB_PBDS_HASH_POLICY_HPP
#define CRITIQUE_LAB_PBDS_HASH_POLICY_HPP
#include <cstddef>
namespace __gnu_pbds {
template <class Size = std::size_t> struct direct_mask_range_hashing {};
template <class Size = std::size_t> struct direct_mod_range_hashing {};
template <class Size = std::size_t> struct linear_probe_fn {};
template <class Size = std::size_t> struct quadratic_probe_fn {};
template <class Size = std::size_t> struct hash_exponential_size_policy {
  explicit hash_exponential_size_policy(Size = 8, Size = 2) {}
};
template <class Size = std::size_t> struct hash_prime_size_policy {
  explicit hash_prime_size_policy(Size = 8) {}
};
template <bool External = false, class Size = std::size_t> struct hash_load_check_resize_trigger {
  explicit hash_load_check_resize_trigger(float = 0.125f, float = 0.5f) {}
};
template <bool External = false, class Size = std::size_t> struct cc_hash_max_collision_check_resize_trigger {
  explicit cc_hash_max_collision_check_resize_trigger(float = 0.5f) {}
};
template <class... Policies> struct hash_standard_resize_policy {};
} // namespace __gnu_pbds
#endif
`;

const ASSOC_CONTAINER = `// critique-lab: pb_ds associative containers (see gccExtensionHeaders.ts).
#ifndef CRITIQUE_LAB_PBDS_ASSOC_CONTAINER_HPP
#define CRITIQUE_LAB_PBDS_ASSOC_CONTAINER_HPP
#include <ext/pb_ds/tag_and_trait.hpp>
#include <ext/pb_ds/hash_policy.hpp>
#include <ext/pb_ds/detail/critique_lab_tree.hpp>
#include <ext/pb_ds/detail/critique_lab_hash_tables.hpp>
#endif
`;

const TREE_POLICY = `// critique-lab: pb_ds tree policies (see gccExtensionHeaders.ts).
#ifndef CRITIQUE_LAB_PBDS_TREE_POLICY_HPP
#define CRITIQUE_LAB_PBDS_TREE_POLICY_HPP
#include <ext/pb_ds/detail/critique_lab_tree.hpp>
#endif
`;

const EXTCPP = `// critique-lab: <bits/extc++.h> (see gccExtensionHeaders.ts).
#ifndef CRITIQUE_LAB_BITS_EXTCPP_H
#define CRITIQUE_LAB_BITS_EXTCPP_H
#include <bits/stdc++.h>
#include <ext/pb_ds/assoc_container.hpp>
#include <ext/pb_ds/tree_policy.hpp>
#include <ext/pb_ds/hash_policy.hpp>
#endif
`;

/** The headers by path inside the include folder (besides `bits/stdc++.h`, stdcppShim.ts). */
export const GCC_EXTENSION_HEADERS: Readonly<Record<string, string>> = {
  algorithm: ALGORITHM,
  'bits/extc++.h': EXTCPP,
  'ext/pb_ds/assoc_container.hpp': ASSOC_CONTAINER,
  'ext/pb_ds/tree_policy.hpp': TREE_POLICY,
  'ext/pb_ds/hash_policy.hpp': HASH_POLICY,
  'ext/pb_ds/tag_and_trait.hpp': TAG_AND_TRAIT,
  'ext/pb_ds/detail/critique_lab_tree.hpp': PBDS_TREE_HEADER,
  'ext/pb_ds/detail/critique_lab_hash_tables.hpp': PBDS_HASH_TABLES_HEADER,
};
