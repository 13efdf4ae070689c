using System.Globalization;

namespace Sextant.Bench.Compare;

/// <summary>
/// <c>compare [--users N] [--duckdb] [--warehouse URL|clickhouse]… [--keep DIR] [--store PATH --csv DIR] [--rounds N] [--cli DLL]</c>.
/// </summary>
internal sealed record CompareOptions(int Users, bool DuckDb, string? Keep, string? Store, string? CsvDirectory, int Rounds, string? Cli)
{
    public const string Usage = "usage: compare [--users N] [--duckdb] [--warehouse URL|clickhouse]... [--keep DIR] [--store PATH --csv DIR] [--rounds N] [--cli Sextant.Cli.dll]";

    /// <summary>Warehouse stores Sextant loads the CSV files into and answers from, pushed down: URLs, or "clickhouse" for a database on the compared ClickHouse server.</summary>
    public IReadOnlyList<string> Warehouses { get; init; } = [];

    /// <summary>The options, or null (after printing why) when they do not parse.</summary>
    public static CompareOptions? Parse(string[] args)
    {
        var options = new CompareOptions(1_000_000, false, null, null, null, 3, null);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                options = args[i] switch
                {
                    "--users" => options with { Users = Positive(Value()) },
                    "--duckdb" => options with { DuckDb = true },
                    "--warehouse" => options with { Warehouses = [.. options.Warehouses, Value()] },
                    "--keep" => options with { Keep = Path.GetFullPath(Value()) },
                    "--store" => options with { Store = Path.GetFullPath(Value()) },
                    "--csv" => options with { CsvDirectory = Path.GetFullPath(Value()) },
                    "--rounds" => options with { Rounds = Positive(Value()) },
                    "--cli" => options with { Cli = Path.GetFullPath(Value()) },
                    _ => throw new FormatException($"unknown option '{args[i]}'"),
                };
            }
            catch (FormatException error)
            {
                Console.Error.WriteLine($"compare: {error.Message}\n{Usage}");
                return null;
            }
        }
        if ((options.Store is null) != (options.CsvDirectory is null))
        {
            Console.Error.WriteLine($"compare: --store and --csv go together (an existing store and the CSV files it was ingested from)\n{Usage}");
            return null;
        }
        return options;
    }

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"expected a positive whole number, got '{text}'");
}
