#pragma once
// Result<T>: a value, or an error message a user can act on. Returned across module boundaries.

#include <string>
#include <utility>
#include <variant>

namespace tb {

struct Error {
    std::string message;
    int code = 0;  // optional category a caller may map to an exit code; 0 = unspecified
};

inline Error fail(std::string message, int code = 0) {
    return Error{std::move(message), code};
}

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_data); }
    const T& value() const { return std::get<0>(m_data); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    const std::string& error() const { return std::get<1>(m_data).message; }
    const Error& failure() const { return std::get<1>(m_data); }  // to pass an error on as is

private:
    std::variant<T, Error> m_data;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return m_error.message; }
    const Error& failure() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

}  // namespace tb
