namespace Sextant.Bench;

/// <summary>What the bench modes share: reading <c>--name value</c> options and finding the CLI to time.</summary>
internal static class BenchArguments
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is absent.</summary>
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>
    /// What ./sextant runs in the checkout this bench was built from: the ReadyToRun publish when
    /// there is one, else the plain Release build.
    /// </summary>
    private static DateTime Newest(string cliDll)
    {
        var folder = Path.GetDirectoryName(cliDll)!;
        return new[] { cliDll, Path.Combine(folder, "Sextant.dll") }.Where(File.Exists).Max(File.GetLastWriteTimeUtc);
    }

    public static string DefaultCli()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Sextant.slnx"))) folder = folder.Parent;
        var build = Path.Combine(folder?.FullName ?? Directory.GetCurrentDirectory(), "src", "Sextant.Cli", "bin", "Release", "net10.0");
        var published = Path.Combine(build, "linux-x64", "publish", "Sextant.Cli.dll");
        var built = Path.Combine(build, "Sextant.Cli.dll");
        // The ReadyToRun publish starts faster, but only while it is as new as the build: a stale
        // one would time (and answer with) an older Sextant.
        return File.Exists(published) && (!File.Exists(built) || Newest(published) >= Newest(built)) ? published : built;
    }
}
