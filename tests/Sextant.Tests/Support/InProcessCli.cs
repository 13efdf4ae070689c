using Sextant.Cli;

namespace Sextant.Tests.Support;

/// <summary>Runs a sextant command in this process, capturing what it writes to stdout and stderr.</summary>
public static class InProcessCli
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Program.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
