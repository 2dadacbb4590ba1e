#pragma once
// The latency counters every benchmark reports: sorts `samples` and sets
// "<prefix>p<N>_<unit>" for each N in `percents` and "<prefix>max_<unit>".
// Nearest-rank on the sorted samples; nothing is set for an empty run.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

namespace Kiosk::Bench {

inline void reportPercentiles(benchmark::State &state, std::vector<double> &samples, std::initializer_list<int> percents,
                              const std::string &unit, const std::string &prefix = {})
{
    if (samples.empty())
        return;
    std::ranges::sort(samples);
    for (const int p : percents) {
        const auto rank = static_cast<size_t>(static_cast<double>(p) / 100.0 * static_cast<double>(samples.size()));
        state.counters[prefix + "p" + std::to_string(p) + "_" + unit] = samples[std::min(samples.size() - 1, rank)];
    }
    state.counters[prefix + "max_" + unit] = samples.back();
}

} // namespace Kiosk::Bench
