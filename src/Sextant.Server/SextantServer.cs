using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sextant.Configuration;
using Sextant.Server.Access;
using Sextant.Server.Audit;
using Sextant.Server.Dashboards;
using Sextant.Server.Endpoints;
using Sextant.Storage.Warehouse;

namespace Sextant.Server;

/// <summary>
/// <c>sextant serve</c>: the HTTP API, the live dashboards and ingest over HTTP, on ASP.NET Core
/// minimal APIs over one warm project (docs/SERVER.md).
/// </summary>
public static class SextantServer
{
    /// <summary>
    /// Builds the server: loads the store's events, checks the binding is allowed, and maps every
    /// endpoint. <paramref name="configure"/> lets tests swap Kestrel for an in-memory test server.
    /// </summary>
    /// <exception cref="SextantException">The store is not an embedded store file, cannot be read, or the address is not loopback while no key exists.</exception>
    public static WebApplication Build(ServerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (StoreUrl.Parse(options.StorePath) is { IsWarehouse: true } warehouse)
            throw new SextantException($"sextant serve needs an embedded store file (its keys and audit log live in it), not {warehouse.Redacted}");
        var config = ConfigLoader.LoadOrDefault(options.ConfigPath ?? Beside(options.StorePath));
        var keyStore = new ApiKeyStore(options.StorePath);
        var keys = new KeyRing(keyStore);
        if (!System.Net.IPAddress.IsLoopback(options.Address) && !keys.Required)
            throw new SextantException($"binding to {options.Address} exposes the store beyond this machine: create a key first (sextant keys create --role admin), or bind to 127.0.0.1");
        var project = new WarmProject(options.StorePath, config);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Sextant.Server" });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            // A failure to start (a port in use) is reported by sextant serve in one line, not logged with its stack.
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.Address, options.Port);
            kestrel.AddServerHeader = false;
            // No body above the largest endpoint's own limit is ever read.
            kestrel.Limits.MaxRequestBodySize = EventEndpointsLimits.MaxBodyBytes;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(project);
        builder.Services.AddSingleton(keyStore);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(new AuditLog(options.StorePath));
        builder.Services.AddSingleton(new StoreWrites());
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        builder.Services.AddOpenApi();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseMiddleware<ErrorBoundary>();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseMiddleware<AccessGate>();
        app.MapOpenApi();
        var api = app.MapGroup("/api/v1");
        AnalysisEndpoints.Map(api);
        AdminEndpoints.Map(api);
        EventEndpoints.Map(api);
        DashboardEndpoints.Map(app);
        return app;
    }

    /// <summary>The sextant.yaml beside a store file, or null when there is none.</summary>
    internal static string? Beside(string storePath)
    {
        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, ConfigLoader.DefaultFileName);
        return File.Exists(beside) ? beside : null;
    }
}

/// <summary>The limits of <c>POST /api/v1/events</c> (docs/SERVER.md).</summary>
public static class EventEndpointsLimits
{
    /// <summary>The largest body: 1 MB.</summary>
    public const int MaxBodyBytes = 1_000_000;

    /// <summary>The most events in one request.</summary>
    public const int MaxEvents = 1_000;
}
