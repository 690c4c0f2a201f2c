// Micro-benchmarks of ekg's hot functions, on the seed article and on a synthetic graph.
//   build/bench/ekg_micro                       # all
//   build/bench/ekg_micro --benchmark_filter=graphml
// Each benchmark checks its result once, so it cannot time code that does nothing.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "graphml.h"
#include "ingest.h"
#include "pipeline.h"
#include "sentences.h"
#include "text.h"

namespace {

const std::string& seed_text() {
    static const std::string text = [] {
        std::ifstream in(std::string(EKG_SOURCE_DIR) + "/samples/isis-social-media-war.txt", std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }();
    return text;
}

const ekg::extract::Resources& resources() {
    static const ekg::extract::Resources r = ekg::extract::load_resources(std::string(EKG_SOURCE_DIR) + "/data");
    return r;
}

void BM_fold(benchmark::State& state) {
    const std::string& text = seed_text();
    for (auto _ : state) benchmark::DoNotOptimize(ekg::extract::fold(text));
    if (ekg::extract::fold(text).text.size() < text.size() / 2) state.SkipWithError("fold lost text");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_fold);

void BM_sentences(benchmark::State& state) {
    const std::string& text = seed_text();
    for (auto _ : state) benchmark::DoNotOptimize(ekg::extract::split_sentences(text));
    if (ekg::extract::split_sentences(text).size() < 20) state.SkipWithError("too few sentences");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_sentences);

void BM_extract_document(benchmark::State& state) {
    const std::string& text = seed_text();
    const auto& r = resources();
    for (auto _ : state) {
        ekg::Document d;
        d.text = text;
        ekg::extract::finish_document(d);
        benchmark::DoNotOptimize(ekg::extract::extract_document(std::move(d), r));
    }
    ekg::Document d;
    d.text = text;
    if (ekg::extract::extract_document(std::move(d), r).actors.empty()) state.SkipWithError("no actors");
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_extract_document);

/// GraphML export of a synthetic graph of N nodes and 4N edges (issue target: 1M/4M in 15 s).
ekg::graph::KnowledgeGraph synthetic_graph(std::size_t nodes) {
    ekg::graph::KnowledgeGraph kg;
    for (std::size_t i = 0; i < nodes; ++i) {
        ekg::graph::NodeProps n;
        n.id = "actor:" + std::to_string(i);
        n.label = "Actor number " + std::to_string(i);
        n.kind = ekg::graph::NodeKind::actor;
        n.subtype = i % 3 ? "person" : "place";
        if (i % 3 == 0) {
            n.lat = 33.3 + static_cast<double>(i % 100) / 7.0;
            n.lon = 44.4 - static_cast<double>(i % 50) / 3.0;
        }
        n.mentions = static_cast<std::int64_t>(i % 17);
        kg.add_node(std::move(n));
    }
    auto& g = kg.graph();
    for (std::size_t e = 0; e < 4 * nodes; ++e) {
        ekg::graph::EdgeProps p{"mentioned_in", "doc" + std::to_string(e % 1000), {1, 9}, 1.0 + double(e % 5), "", false, "bench"};
        boost::add_edge(e % nodes, (e * 7919 + 1) % nodes, std::move(p), g);
    }
    return kg;
}

void BM_write_graphml(benchmark::State& state) {
    const auto nodes = static_cast<std::size_t>(state.range(0));
    const ekg::graph::KnowledgeGraph kg = synthetic_graph(nodes);
    /// Counts the bytes written and how many edges were opened, then drops them.
    struct Counter : std::streambuf {
        std::size_t bytes = 0;
        std::streamsize xsputn(const char*, std::streamsize n) override {
            bytes += static_cast<std::size_t>(n);
            return n;
        }
        int overflow(int c) override {
            ++bytes;
            return c;
        }
    };
    Counter counter;
    for (auto _ : state) {
        counter.bytes = 0;
        std::ostream out(&counter);
        ekg::exporter::write_graphml(kg, out);
    }
    if (counter.bytes < nodes * 100) state.SkipWithError("GraphML output too small");
    state.counters["nodes"] = static_cast<double>(nodes);
    state.counters["edges"] = static_cast<double>(4 * nodes);
    state.counters["MB"] = static_cast<double>(counter.bytes) / 1e6;
}
BENCHMARK(BM_write_graphml)->Arg(100000)->Arg(1000000)->Iterations(1)->Unit(benchmark::kSecond);

/// The same export written to a file on disk, as `ekg export -o FILE` does (flushed and closed
/// inside the timing).
void BM_write_graphml_file(benchmark::State& state) {
    const auto nodes = static_cast<std::size_t>(state.range(0));
    const ekg::graph::KnowledgeGraph kg = synthetic_graph(nodes);
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("ekg-bench-" + std::to_string(nodes) + ".graphml");
    std::uintmax_t bytes = 0;
    for (auto _ : state) {
        {
            std::ofstream out(path, std::ios::binary | std::ios::trunc);
            ekg::exporter::write_graphml(kg, out);
            out.flush();
            if (!out) state.SkipWithError("write failed");
        }
        bytes = std::filesystem::file_size(path);
    }
    std::filesystem::remove(path);
    if (bytes < nodes * 100) state.SkipWithError("GraphML output too small");
    state.counters["nodes"] = static_cast<double>(nodes);
    state.counters["edges"] = static_cast<double>(4 * nodes);
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_write_graphml_file)->Arg(1000000)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
