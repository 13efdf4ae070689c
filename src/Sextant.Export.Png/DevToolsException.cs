namespace Sextant.Export.Png;

/// <summary>
/// Chromium could not be started, answered a DevTools command with an error, or dropped the
/// connection. The message is a phrase without a final full stop (one is trimmed, since it often
/// ends a quoted system message), which the exporter puts after the name of the file it was on.
/// </summary>
internal sealed class DevToolsException : Exception
{
    public DevToolsException(string message) : base(message.TrimEnd('.', ' ')) { }

    public DevToolsException(string message, Exception innerException) : base(message.TrimEnd('.', ' '), innerException) { }

    public DevToolsException() : base("the DevTools command failed") { }
}
