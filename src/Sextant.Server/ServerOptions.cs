using System.Net;

namespace Sextant.Server;

/// <summary>How <c>sextant serve</c> runs (docs/SERVER.md).</summary>
/// <param name="StorePath">The embedded store file served; its keys and audit log live in it too.</param>
/// <param name="ConfigPath">sextant.yaml, or null for the one beside the store (else the defaults).</param>
/// <param name="Bind">The address listened on; loopback unless keys exist.</param>
/// <param name="Port">The TCP port; 0 picks a free one.</param>
/// <param name="RequestsPerSecond">Each key's sustained request rate before 429; bursts of twice that pass.</param>
public sealed record ServerOptions(string StorePath, string? ConfigPath = null, IPAddress? Bind = null, int Port = ServerOptions.DefaultPort,
    int RequestsPerSecond = ServerOptions.DefaultRequestsPerSecond)
{
    /// <summary>The port when none is given.</summary>
    public const int DefaultPort = 5080;

    /// <summary>Each key's sustained request rate when none is given.</summary>
    public const int DefaultRequestsPerSecond = 200;

    /// <summary>The address listened on: the one given, else 127.0.0.1.</summary>
    public IPAddress Address => Bind ?? IPAddress.Loopback;
}
