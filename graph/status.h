// Status and StatusOr: the result of an operation that can fail.
//
// A failed Status carries a message that starts with the place it concerns,
// e.g. "lexicons/countries.tsv:12: expected 6 columns, got 4". Values are
// cheap to copy and not shared between threads.
#ifndef NEWSGRAPH_GRAPH_STATUS_H_
#define NEWSGRAPH_GRAPH_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace newsgraph {

class Status {
 public:
  // The success value.
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) {
    Status s;
    s.ok_ = false;
    s.message_ = std::move(message);
    return s;
  }

  bool ok() const { return ok_; }
  // Empty on success.
  const std::string& message() const { return message_; }

 private:
  bool ok_ = true;
  std::string message_;
};

// Either a value or a failed Status. Accessing value() of a failed StatusOr
// is a programming error.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }
  const T& operator*() const { return *value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_STATUS_H_
