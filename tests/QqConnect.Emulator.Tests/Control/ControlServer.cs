using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace QqConnect.Emulator.Tests.Control;

/// <summary>An emulator server on port 0 with the control API on, and a client speaking to it over real sockets.</summary>
internal sealed class ControlServer : IAsyncDisposable
{
    private ControlServer(QqConnectEmulatorServer server)
    {
        Server = server;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
    }

    public QqConnectEmulatorServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<ControlServer> StartAsync(bool enableControl = true) =>
        new(await QqConnectEmulatorServer.StartAsync(new QqConnectEmulatorServerOptions { EnableControl = enableControl }));

    /// <summary>Sends a control request; the body, when given, as application/json.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Json)> SendAsync(HttpMethod method, string relative, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(relative, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            return (response.StatusCode, JsonNode.Parse(text));
        }

        return (response.StatusCode, null);
    }

    public Task<(HttpStatusCode Status, JsonNode? Json)> GetAsync(string relative) => SendAsync(HttpMethod.Get, relative);

    /// <summary>A login as a browser and a site would make it: the page's form, the redirect's code, the token call.</summary>
    public async Task<(string Code, string AccessToken, string RefreshToken)> LoginAsync(int user = 0)
    {
        var redirect = Uri.EscapeDataString(Harness.Redirect);
        using var form = new StringContent(
            $"response_type=code&client_id={Harness.App}&redirect_uri={redirect}&state=s1&user={user}&decision=approve",
            Encoding.UTF8,
            "application/x-www-form-urlencoded");
        using var decision = await Http.PostAsync(new Uri("oauth2.0/authorize", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Found, decision.StatusCode);
        var code = Harness.QueryOf(decision.Headers.Location!)["code"]!;
        var (access, refresh) = Harness.ParseTokens(await Http.GetStringAsync(new Uri(Harness.TokenQuery(code), UriKind.Relative)));
        return (code, access, refresh);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
