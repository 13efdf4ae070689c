using BenchmarkDotNet.Running;
using Sextant.Bench.Scale;

namespace Sextant.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Sextant.Bench -- scale [--events N]</c> runs the
/// end-to-end ingest / load scale run; any other arguments go to BenchmarkDotNet.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "scale") return IngestScaleRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "parse") return ParseScaleRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "calibrate") return CalibrationRun.Run();
        if (args.Length > 0 && args[0] == "generate-scale") return ScaleGenerationRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "analyses") return AnalysisRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "paths") return PathsRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "health") return HealthRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "report") return ReportRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "many-names") return ManyNamesRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "open") return SnapshotOpenRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "targets") return TargetsRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "compare") return Compare.CompareRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "analysis-timing") return AnalysisTimingRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "vendor-ingest") return VendorIngestRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "serve-load") return Serve.ServeLoadRun.Run(args[1..]);
        if (args.Length > 0 && args[0] == "refresh") return RefreshRun.Run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
