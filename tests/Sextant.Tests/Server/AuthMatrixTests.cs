using System.Net;
using Sextant.Server.Access;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

/// <summary>
/// Every endpoint the server maps × every kind of caller: the access rules of docs/SERVER.md
/// (Keys and roles). The endpoints are read from routing, so one added later is covered too.
/// </summary>
public sealed class AuthMatrixTests
{
    private static readonly string[] Callers = ["no key", "invalid key", "revoked key", "read", "write", "admin"];

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_role_requires()
    {
        // Given a server with a key of each role and one revoked key,
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var server = await StoreServer.Generated(keys =>
        {
            texts["read"] = keys.Create(ApiRole.Read, "reader").Text;
            texts["write"] = keys.Create(ApiRole.Write, "writer").Text;
            texts["admin"] = keys.Create(ApiRole.Admin, "boss").Text;
            texts["revoked key"] = keys.Create(ApiRole.Admin, "former").Text;
            Assert.True(keys.Revoke("former"));
        });
        // a key that is shaped right but matches none,
        texts["invalid key"] = "sxk_000000000000_notakey";
        var endpoints = EndpointCatalog.Of(server.Endpoints()).Where(e => e.Role is not null).ToList();
        Assert.Contains(endpoints, e => e.Role == ApiRole.Admin);
        Assert.Contains(endpoints, e => e.Role == ApiRole.Read);

        // when each caller makes the smallest request to each endpoint,
        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
            foreach (var caller in Callers)
            {
                using var client = server.Client(texts.GetValueOrDefault(caller));
                using var response = await client.SendAsync(endpoint.MinimalRequest());
                var status = (int)response.StatusCode;
                var expected = Expected(caller, endpoint.Role!.Value);
                var ok = expected switch
                {
                    401 => status == 401 && response.Headers.WwwAuthenticate.ToString() == "Bearer",
                    403 => status == 403,
                    _ => status is not 401 and not 403,
                };
                if (!ok) wrong.Add($"{endpoint} as {caller}: {status}, expected {(expected == 0 ? "allowed" : expected)}");
                if (status is 401 or 403 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    wrong.Add($"{endpoint} as {caller}: {status} is not problem+json");
            }

        // then no-key, invalid and revoked callers get 401 with WWW-Authenticate, a role too low 403, the rest are let in.
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Every_api_endpoint_declares_the_role_it_needs()
    {
        await using var server = await StoreServer.Generated();

        var open = EndpointCatalog.Of(server.Endpoints()).Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal) && e.Role is null);

        Assert.Empty(open);
    }

    [Fact]
    public async Task Without_any_key_every_endpoint_is_open()
    {
        // Given a server on a store where no key was ever created,
        await using var server = await StoreServer.Generated();
        using var client = server.Client();

        // then no endpoint answers 401 or 403, to a caller without a key or with a stray header.
        var denied = new List<string>();
        foreach (var endpoint in EndpointCatalog.Of(server.Endpoints()))
        {
            using var response = await client.SendAsync(endpoint.MinimalRequest());
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) denied.Add($"{endpoint}: {(int)response.StatusCode}");
            using var request = endpoint.MinimalRequest();
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer whatever");
            using var stray = await client.SendAsync(request);
            if (stray.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) denied.Add($"{endpoint} with a stray key: {(int)stray.StatusCode}");
        }
        Assert.Empty(denied);
    }

    /// <summary>401 for no valid key, 403 for a role below the endpoint's, 0 for allowed.</summary>
    private static int Expected(string caller, ApiRole required) => caller switch
    {
        "no key" or "invalid key" or "revoked key" => 401,
        _ => ApiKeyStore.ParseRole(caller) >= required ? 0 : 403,
    };
}
