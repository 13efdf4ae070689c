using System.Diagnostics;
using System.Text.RegularExpressions;
using Sextant.Tests.Support;

namespace Sextant.Tests;

/// <summary>The library example of README.md compiles and runs as written, on the sample files.</summary>
public sealed partial class ReadmeSnippetTests
{
    [Fact]
    public void The_readme_library_example_compiles_runs_and_prints_the_funnel_of_the_samples()
    {
        var root = RepositoryRoot();
        var snippet = Snippet(File.ReadAllText(Path.Combine(root, "README.md")));
        Assert.True(snippet.Split('\n').Length <= 12, "the README example stays about ten lines");

        using var directory = new TempDirectory();
        var ingest = CliRunner.Run(directory.Path, "ingest", Path.Combine(root, "samples", "events.csv"), Path.Combine(root, "samples", "users.csv"));
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        directory.Write("Snippet.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(root, "src", "Sextant", "Sextant.csproj")}" />
              </ItemGroup>
            </Project>
            """);
        directory.Write("Program.cs", snippet);

        // The library is already built by the test run: compile only the example against it.
        var run = Dotnet(directory.Path, "run", "-c", "Release", "-p:BuildProjectReferences=false", "--nologo");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        // samples: u1, u2 and u3 sign up; u1 and u2 edit a page within 14 days; only u2 comments after editing.
        Assert.Equal(["signup: 3 users, 100% of step 1", "edit_page: 2 users, 67% of step 1", "comment: 1 users, 33% of step 1"],
            run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static string Snippet(string readme)
    {
        var section = readme[readme.IndexOf("## Use it as a library", StringComparison.Ordinal)..];
        return CSharpBlock().Match(section) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("README has no C# example");
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    private static CliRunner.CliResult Dotnet(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet run of the README example did not finish in 5 minutes");
        }
        return new CliRunner.CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Sextant.slnx"))) return directory.FullName;
        throw new InvalidOperationException("Sextant.slnx not found above " + AppContext.BaseDirectory);
    }
}
