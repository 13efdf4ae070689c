using System.CommandLine;
using Sextant.Application;
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

    /// <summary>
    /// --config; else ./sextant.yaml; else the sextant.yaml beside the store given by --store (where
    /// <c>demo</c> and <c>generate --store</c> put the scenario's settings, so every command on that
    /// store runs the same analyses); else the defaults.
    /// </summary>
    public SextantConfig LoadConfig(ParseResult result)
    {
        var path = result.GetValue(Config);
        if (path is null && !File.Exists(ConfigLoader.DefaultFileName) && result.GetValue(Store) is { Length: > 0 } store
            && Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store))!, ConfigLoader.DefaultFileName) is var beside && File.Exists(beside))
            path = beside;
        return ConfigLoader.LoadOrDefault(path);
    }

    public string StorePath(ParseResult result, SextantConfig config) => result.GetValue(Store) ?? config.Store;

    /// <summary>
    /// The project of the store and settings the options name; its events load on first use, and
    /// a store whose table snapshot cannot be used says so in one <c>note:</c> line on stderr.
    /// </summary>
    public Project OpenProject(ParseResult result)
    {
        var config = LoadConfig(result);
        var error = result.InvocationConfiguration.Error ?? Console.Error;
        return Project.Open(StorePath(result, config), config, message => error.WriteLine("note: " + message));
    }

    /// <summary>For a warehouse store, says on stderr where the last query ran (pushed down, or in memory and why).</summary>
    public static void NoteEngine(ParseResult result, Project project)
    {
        if (project.EngineNote is { } note) (result.InvocationConfiguration.Error ?? Console.Error).WriteLine("note: " + note);
    }
}
