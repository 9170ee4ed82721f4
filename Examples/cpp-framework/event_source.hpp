// event_source.hpp — the host framework's input: TrackML events (hits only) read into memory
// before processing starts, as structure-of-arrays ready for weft_hit_input.
#pragma once

#include <weft.h>

#include <cstdint>
#include <string>
#include <vector>

namespace host {

/// The hits of one event.
struct Event {
    std::string prefix;
    std::int64_t id = -1;
    std::vector<std::int64_t> hit_id;
    std::vector<float> x, y, z;
    std::vector<std::uint64_t> geometry_id;

    /// A view for weft_reconstruct (valid while the event lives and is not modified).
    weft_hit_input input() const {
        return weft_hit_input{hit_id.size(), x.data(), y.data(), z.data(), geometry_id.data()};
    }
};

/// Reads PREFIX-hits.csv.gz (or .csv); throws std::runtime_error naming file and line on bad input.
Event read_event(const std::string& prefix);

}  // namespace host
