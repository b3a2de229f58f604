/**
 * `__gnu_pbds::gp_hash_table` and `cc_hash_table`, written for this project: the interface contest
 * programs use (`operator[]`, find, insert, erase, size, iteration; a custom hash functor as the
 * third argument; `null_type` mapped for the set form) over libc++'s unordered containers. Policy
 * arguments past the equality functor (probe, resize and combining policies) are accepted and
 * ignored. Iteration order is unspecified, as in pb_ds — and differs from g++'s.
 */
export const PBDS_HASH_TABLES_HEADER = `// critique-lab: __gnu_pbds hash tables (see pbdsHashTables.ts). Not libstdc++'s code.
#ifndef CRITIQUE_LAB_PBDS_HASH_TABLES_HPP
#define CRITIQUE_LAB_PBDS_HASH_TABLES_HPP
#include <cstddef>
#include <functional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <ext/pb_ds/tag_and_trait.hpp>

namespace __gnu_pbds {
namespace critique_lab {

template <class Key, class Mapped, class Hash, class Eq>
using HashBase = typename std::conditional<std::is_same<Mapped, null_type>::value, std::unordered_set<Key, Hash, Eq>,
                                           std::unordered_map<Key, Mapped, Hash, Eq> >::type;

// pb_ds's erase(key) says whether it erased; find gives a point iterator (end() when absent).
template <class Key, class Mapped, class Hash, class Eq>
class HashTable : public HashBase<Key, Mapped, Hash, Eq> {
  using Base = HashBase<Key, Mapped, Hash, Eq>;

public:
  using Base::Base;
  using typename Base::const_iterator;
  using typename Base::iterator;
  using point_iterator = iterator;
  using point_const_iterator = const_iterator;
  using mapped_type = Mapped;
  using Base::erase;
  bool erase(const Key &key) { return Base::erase(key) != 0; }
  // pb_ds tables grow by themselves; a requested size only reserves room.
  void resize(std::size_t n) { Base::reserve(n); }
  Hash get_hash_fn() const { return Base::hash_function(); }
  Eq get_eq_fn() const { return Base::key_eq(); }
};

} // namespace critique_lab

template <class Key, class Mapped, class Hash = std::hash<Key>, class Eq = std::equal_to<Key>, class... Policies>
class gp_hash_table : public critique_lab::HashTable<Key, Mapped, Hash, Eq> {
  using critique_lab::HashTable<Key, Mapped, Hash, Eq>::HashTable;
};

template <class Key, class Mapped, class Hash = std::hash<Key>, class Eq = std::equal_to<Key>, class... Policies>
class cc_hash_table : public critique_lab::HashTable<Key, Mapped, Hash, Eq> {
  using critique_lab::HashTable<Key, Mapped, Hash, Eq>::HashTable;
};

} // namespace __gnu_pbds
#endif
`;
