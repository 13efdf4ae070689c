using System.Diagnostics;
using Sextant.Events;
using Sextant.Ingest;
using Sextant.Ingest.Mapping;
using Sextant.Ingest.Readers;

namespace Sextant.Bench.Scale;

/// <summary>Rates of the parsing stages alone: CSV tokenizing, then mapping and validation into records.</summary>
internal static class ParseScaleRun
{
    public static int Run(string[] args)
    {
        var events = args.Length > 1 && args[0] == "--events" ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var path = Path.Combine(Path.GetTempPath(), $"sextant-parse-{Environment.ProcessId}.csv");
        try
        {
            SyntheticCsv.Write(path, events, 50_000);
            for (var round = 1; round <= 2; round++)
            {
                var watch = Stopwatch.StartNew();
                long rows = 0;
                using (var reader = new CsvRowReader(SourceFile.OpenRead(path), path))
                    while (reader.TryReadRow(out _)) rows++;
                Console.WriteLine($"csv tokenize #{round}  {rows / watch.Elapsed.TotalSeconds:N0} rows/s");

                watch.Restart();
                rows = 0;
                using (var source = SourceRowReader.Open(path, new IngestOptions()))
                {
                    var parser = new RecordParser(source.Mapping, TimestampParseOptions.Utc, DateTimeOffset.UtcNow, "csv");
                    var row = new MappedRow(source.Mapping.Columns.Count);
                    while (source.TryRead(row, out _))
                        if (parser.ParseEvent(row, out _) is not null) rows++;
                }
                Console.WriteLine($"csv → records #{round} {rows / watch.Elapsed.TotalSeconds:N0} rows/s");
            }
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
