using Sextant.Cli;

namespace Sextant.Tests.Cli;

/// <summary>Which errors the command reports as one-line user errors (exit 2) rather than internal errors (exit 70).</summary>
public sealed class ProgramTests
{
    [Fact]
    public void Permission_denied_and_disk_full_errors_that_reach_the_command_are_one_line_user_errors()
    {
        Assert.StartsWith("the disk is full: ", Program.UserFacing(new IOException("No space left on device : '/x'", 28)), StringComparison.Ordinal);
        Assert.StartsWith("permission denied: ", Program.UserFacing(new UnauthorizedAccessException("Access to the path '/x' is denied.")), StringComparison.Ordinal);
        Assert.Equal("bad", Program.UserFacing(new AggregateException(new SextantException("bad"))));
        Assert.Null(Program.UserFacing(new InvalidOperationException("a bug")));
    }
}
