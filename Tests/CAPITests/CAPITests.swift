import Testing

/// The C API tests (issue 7). They build C and C++ programs with gcc/g++ against the library
/// installed into a scratch prefix and run them (some under valgrind and ThreadSanitizer), so they
/// run one at a time to keep the two cores for the program under test.
@Suite("C API", .serialized)
struct CAPITests {}
