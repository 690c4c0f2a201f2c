// The one error type library code throws; only cli/main turns it into an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace ekg {

/// Documented exit codes (README "Exit codes").
enum class ExitCode : int {
    ok = 0,
    input_rejected = 1,  ///< some input was rejected; the rest was processed
    usage = 2,           ///< bad command line
    io = 3,              ///< a file or the database could not be read or written
    data = 4,            ///< ekg's own data files are missing or malformed
};

/// An error that stops the current command, with the exit code it maps to.
/// The message already names the file (and line) it concerns.
class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ExitCode code() const { return code_; }

private:
    ExitCode code_;
};

}  // namespace ekg
