using System.CommandLine;
using Sextant.Configuration;

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
}
