/**
 * `__gnu_pbds::tree`, written for this project (libstdc++'s policy-based data structures are GPL
 * and not part of libc++): the interface contest programs use — set form (`null_type` mapped) and
 * map form, insert, erase by key or iterator, find, lower_bound/upper_bound, iteration both ways,
 * size, and with `tree_order_statistics_node_update` also `find_by_order`/`order_of_key`.
 *
 * It is a treap (a binary search tree balanced by random priorities: expected O(log n) per
 * operation) whose nodes count their subtree's size. Nodes never move, so iterators stay valid
 * until their own element is erased, as in pb_ds. The comparator is used exactly as pb_ds uses it,
 * so the `less_equal` multiset idiom behaves as under g++: duplicates are kept (each after the
 * ones before it), `find` and `erase(key)` never match, `lower_bound` and `upper_bound` trade
 * meanings, `order_of_key(x)` counts the elements below x. Priorities come from a fixed-seed
 * generator, so a program's run is reproducible. Custom node-update policies are not supported.
 */
export const PBDS_TREE_HEADER = `// critique-lab: __gnu_pbds::tree (see pbdsTree.ts). Not libstdc++'s code.
#ifndef CRITIQUE_LAB_PBDS_TREE_HPP
#define CRITIQUE_LAB_PBDS_TREE_HPP
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <type_traits>
#include <utility>
#include <ext/pb_ds/tag_and_trait.hpp>

namespace __gnu_pbds {

template <class NodeCItr, class NodeItr, class CmpFn, class Alloc>
struct tree_order_statistics_node_update {};

namespace critique_lab {

struct TreeLinks {
  TreeLinks *left = nullptr, *right = nullptr, *parent = nullptr;
  std::size_t size = 0;
};

template <class Value>
struct TreeNode : TreeLinks {
  template <class Arg>
  explicit TreeNode(Arg &&v, std::uint32_t p) : value(std::forward<Arg>(v)), priority(p) {}
  Value value;
  std::uint32_t priority;
};

inline std::size_t sizeOf(const TreeLinks *n) { return n ? n->size : 0; }
inline TreeLinks *leftmost(TreeLinks *n) {
  while (n->left) n = n->left;
  return n;
}
inline TreeLinks *rightmost(TreeLinks *n) {
  while (n->right) n = n->right;
  return n;
}
// In-order successor; from the largest element it reaches the header (end).
inline TreeLinks *successor(TreeLinks *n) {
  if (n->right) return leftmost(n->right);
  while (n->parent->right == n) n = n->parent;
  return n->parent;
}
// In-order predecessor; from the header (end) it reaches the largest element.
inline TreeLinks *predecessor(TreeLinks *n, TreeLinks *header) {
  if (n == header) return rightmost(header->left);
  if (n->left) return rightmost(n->left);
  while (n->parent->left == n) n = n->parent;
  return n->parent;
}

template <class Value, class Ref, class Ptr>
class TreeIterator {
public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  using reference = Ref;
  using pointer = Ptr;

  TreeIterator() = default;
  TreeIterator(TreeLinks *node, TreeLinks *header) : node_(node), header_(header) {}
  template <class R, class P>
  TreeIterator(const TreeIterator<Value, R, P> &other) : node_(other.node_), header_(other.header_) {}

  Ref operator*() const { return static_cast<TreeNode<Value> *>(node_)->value; }
  Ptr operator->() const { return std::addressof(**this); }
  TreeIterator &operator++() {
    node_ = successor(node_);
    return *this;
  }
  TreeIterator operator++(int) {
    TreeIterator before = *this;
    ++*this;
    return before;
  }
  TreeIterator &operator--() {
    node_ = predecessor(node_, header_);
    return *this;
  }
  TreeIterator operator--(int) {
    TreeIterator before = *this;
    --*this;
    return before;
  }
  template <class R, class P>
  bool operator==(const TreeIterator<Value, R, P> &other) const { return node_ == other.node_; }
  template <class R, class P>
  bool operator!=(const TreeIterator<Value, R, P> &other) const { return node_ != other.node_; }

  TreeLinks *node_ = nullptr;
  TreeLinks *header_ = nullptr;
};

// Set form keeps keys; map form keeps pair<const Key, Mapped>.
template <class Key, class Mapped>
struct TreeTraits {
  using value_type = std::pair<const Key, Mapped>;
  static const Key &key(const value_type &v) { return v.first; }
};
template <class Key>
struct TreeTraits<Key, null_type> {
  using value_type = Key;
  static const Key &key(const value_type &v) { return v; }
};

// find_by_order and order_of_key exist only with tree_order_statistics_node_update, as in pb_ds.
template <class Tree, bool OrderStatistics>
struct TreeOrderStatistics {};
template <class Tree>
struct TreeOrderStatistics<Tree, true> {
  template <class K>
  std::size_t order_of_key(const K &key) const { return static_cast<const Tree *>(this)->countBelow(key); }
  auto find_by_order(std::size_t k) { return static_cast<Tree *>(this)->nth(k); }
  auto find_by_order(std::size_t k) const { return static_cast<const Tree *>(this)->nth(k); }
};

} // namespace critique_lab

template <class Key, class Mapped, class CmpFn = std::less<Key>, class Tag = rb_tree_tag,
          template <class, class, class, class> class NodeUpdate = null_node_update, class Alloc = std::allocator<char> >
class tree : public critique_lab::TreeOrderStatistics<tree<Key, Mapped, CmpFn, Tag, NodeUpdate, Alloc>,
                                                      std::is_same<NodeUpdate<int, int, int, int>, tree_order_statistics_node_update<int, int, int, int> >::value> {
  using Traits = critique_lab::TreeTraits<Key, Mapped>;
  using Links = critique_lab::TreeLinks;
  using Node = critique_lab::TreeNode<typename Traits::value_type>;
  template <class, bool>
  friend struct critique_lab::TreeOrderStatistics;

public:
  using key_type = Key;
  using mapped_type = Mapped;
  using value_type = typename Traits::value_type;
  using cmp_fn = CmpFn;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = value_type &;
  using const_reference = const value_type &;
  using const_iterator = critique_lab::TreeIterator<value_type, const value_type &, const value_type *>;
  // In set form elements are keys and cannot be changed through an iterator.
  using iterator = typename std::conditional<std::is_same<Mapped, null_type>::value, const_iterator,
                                             critique_lab::TreeIterator<value_type, value_type &, value_type *> >::type;
  using point_iterator = iterator;
  using point_const_iterator = const_iterator;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  tree() { header_.size = 0; }
  explicit tree(const CmpFn &cmp) : cmp_(cmp) {}
  template <class It>
  tree(It first, It last) { insert(first, last); }
  tree(const tree &other) : cmp_(other.cmp_) {
    for (const value_type &v : other) insertBefore(end(), v);
  }
  tree(tree &&other) noexcept { swap(other); }
  tree &operator=(tree other) {
    swap(other);
    return *this;
  }
  ~tree() { clear(); }

  void swap(tree &other) {
    std::swap(header_.left, other.header_.left);
    if (header_.left) header_.left->parent = &header_;
    if (other.header_.left) other.header_.left->parent = &other.header_;
    std::swap(cmp_, other.cmp_);
  }

  size_type size() const { return critique_lab::sizeOf(header_.left); }
  bool empty() const { return header_.left == nullptr; }
  size_type max_size() const { return size_type(-1) / sizeof(Node); }
  CmpFn &get_cmp_fn() { return cmp_; }
  const CmpFn &get_cmp_fn() const { return cmp_; }

  iterator begin() { return iterator(header_.left ? critique_lab::leftmost(header_.left) : &header_, &header_); }
  const_iterator begin() const { return const_cast<tree *>(this)->begin(); }
  iterator end() { return iterator(&header_, &header_); }
  const_iterator end() const { return const_cast<tree *>(this)->end(); }
  reverse_iterator rbegin() { return reverse_iterator(end()); }
  const_reverse_iterator rbegin() const { return const_reverse_iterator(end()); }
  reverse_iterator rend() { return reverse_iterator(begin()); }
  const_reverse_iterator rend() const { return const_reverse_iterator(begin()); }

  // First element e with !cmp(e, key).
  template <class K>
  iterator lower_bound(const K &key) {
    Links *found = &header_;
    for (Links *n = header_.left; n;) {
      if (cmp_(keyOf(n), key)) {
        n = n->right;
      } else {
        found = n;
        n = n->left;
      }
    }
    return iterator(found, &header_);
  }
  template <class K>
  const_iterator lower_bound(const K &key) const { return const_cast<tree *>(this)->lower_bound(key); }
  // First element e with cmp(key, e).
  template <class K>
  iterator upper_bound(const K &key) {
    Links *found = &header_;
    for (Links *n = header_.left; n;) {
      if (cmp_(key, keyOf(n))) {
        found = n;
        n = n->left;
      } else {
        n = n->right;
      }
    }
    return iterator(found, &header_);
  }
  template <class K>
  const_iterator upper_bound(const K &key) const { return const_cast<tree *>(this)->upper_bound(key); }
  template <class K>
  iterator find(const K &key) {
    iterator at = lower_bound(key);
    return at == end() || cmp_(key, Traits::key(*at)) ? end() : at;
  }
  template <class K>
  const_iterator find(const K &key) const { return const_cast<tree *>(this)->find(key); }

  std::pair<iterator, bool> insert(const value_type &v) {
    iterator at = lower_bound(Traits::key(v));
    if (at != end() && !cmp_(Traits::key(v), Traits::key(*at))) return {at, false};
    return {insertBefore(at, v), true};
  }
  template <class It>
  void insert(It first, It last) {
    for (; first != last; ++first) insert(*first);
  }
  template <class M = Mapped, class = typename std::enable_if<!std::is_same<M, null_type>::value>::type>
  M &operator[](const Key &key) {
    iterator at = find(key);
    if (at == end()) at = insert(value_type(key, M())).first;
    return at->second;
  }

  bool erase(const Key &key) {
    iterator at = find(key);
    if (at == end()) return false;
    erase(at);
    return true;
  }
  iterator erase(iterator at) {
    iterator next = std::next(at);
    remove(at.node_);
    return next;
  }
  reverse_iterator erase(reverse_iterator at) {
    iterator target = std::prev(at.base());
    return reverse_iterator(erase(target));
  }
  void clear() {
    destroy(header_.left);
    header_.left = nullptr;
  }

private:
  const Key &keyOf(Links *n) const { return Traits::key(static_cast<Node *>(n)->value); }

  template <class K>
  size_type countBelow(const K &key) const {
    size_type below = 0;
    for (Links *n = header_.left; n;) {
      if (cmp_(key, keyOf(n))) {
        n = n->left;
      } else if (cmp_(keyOf(n), key)) {
        below += critique_lab::sizeOf(n->left) + 1;
        n = n->right;
      } else {
        return below + critique_lab::sizeOf(n->left);
      }
    }
    return below;
  }
  iterator nth(size_type k) {
    if (k >= size()) return end();
    Links *n = header_.left;
    for (;;) {
      size_type left = critique_lab::sizeOf(n->left);
      if (k < left) {
        n = n->left;
      } else if (k == left) {
        return iterator(n, &header_);
      } else {
        k -= left + 1;
        n = n->right;
      }
    }
  }
  const_iterator nth(size_type k) const { return const_cast<tree *>(this)->nth(k); }

  std::uint32_t nextPriority() {
    seed_ ^= seed_ << 13;
    seed_ ^= seed_ >> 17;
    seed_ ^= seed_ << 5;
    return seed_;
  }
  static void resize(Links *n) { n->size = critique_lab::sizeOf(n->left) + critique_lab::sizeOf(n->right) + 1; }
  Links *&slotOf(Links *n) { return n->parent == &header_ ? header_.left : (n->parent->left == n ? n->parent->left : n->parent->right); }

  // Lifts n above its parent, keeping the in-order sequence.
  void rotateUp(Links *n) {
    Links *p = n->parent;
    Links *&slot = slotOf(p);
    if (p->left == n) {
      p->left = n->right;
      if (n->right) n->right->parent = p;
      n->right = p;
    } else {
      p->right = n->left;
      if (n->left) n->left->parent = p;
      n->left = p;
    }
    n->parent = p->parent;
    p->parent = n;
    slot = n;
    resize(p);
    resize(n);
  }

  // A new leaf just before \`at\` in order, then lifted to its place by priority.
  iterator insertBefore(iterator at, const value_type &v) {
    Node *fresh = new Node(v, nextPriority());
    fresh->size = 1;
    Links *n = fresh;
    Links *next = at.node_;
    if (header_.left == nullptr) {
      header_.left = n;
      n->parent = &header_;
    } else if (next == &header_) {
      Links *last = critique_lab::rightmost(header_.left);
      last->right = n;
      n->parent = last;
    } else if (!next->left) {
      next->left = n;
      n->parent = next;
    } else {
      Links *prev = critique_lab::rightmost(next->left);
      prev->right = n;
      n->parent = prev;
    }
    for (Links *up = n->parent; up != &header_; up = up->parent) up->size++;
    while (n->parent != &header_ && static_cast<Node *>(n->parent)->priority < fresh->priority) rotateUp(n);
    return iterator(n, &header_);
  }

  // Sinks n to a leaf below its higher-priority child, then unlinks it.
  void remove(Links *n) {
    while (n->left || n->right) {
      Links *child = !n->right ? n->left : !n->left ? n->right
                   : static_cast<Node *>(n->left)->priority > static_cast<Node *>(n->right)->priority ? n->left : n->right;
      rotateUp(child);
    }
    slotOf(n) = nullptr;
    for (Links *up = n->parent; up != &header_; up = up->parent) up->size--;
    delete static_cast<Node *>(n);
  }
  static void destroy(Links *n) {
    while (n) {
      destroy(n->right);
      Links *left = n->left;
      delete static_cast<Node *>(n);
      n = left;
    }
  }

  Links header_;
  CmpFn cmp_{};
  std::uint32_t seed_ = 2463534242u;
};

} // namespace __gnu_pbds
#endif
`;
