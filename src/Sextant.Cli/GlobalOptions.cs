using System.CommandLine;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Storage.Sqlite;

namespace Sextant.Cli;

/// <summary>Options every command takes: --store, --config, --json.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Store { get; } = new("--store") { Description = "Store file (default: 'store' in sextant.yaml, else ./sextant.db)", Recursive = true };

    public Option<string?> Config { get; } = new("--config") { Description = "Configuration file (default: ./sextant.yaml when it exists)", Recursive = true };

    public Option<bool> Json { get; } = new("--json") { Description = "Print only JSON on stdout", Recursive = true };

    public void AddTo(Command root)
    {
        root.Add(Store);
        root.Add(Config);
        root.Add(Json);
    }

    public SextantConfig LoadConfig(ParseResult result) => ConfigLoader.LoadOrDefault(result.GetValue(Config));

    public string StorePath(ParseResult result, SextantConfig config) => result.GetValue(Store) ?? config.Store;

    /// <summary>Loads the store's events into an EventTable in the project time zone.</summary>
    public EventTable LoadTable(ParseResult result, SextantConfig config)
    {
        using var store = SqliteStore.OpenReadOnly(StorePath(result, config));
        return SqliteEventTableLoader.Load(store, config.TimeZone);
    }
}
