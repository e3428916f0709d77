using System.Net;
using System.Net.Sockets;
using QqConnect.Client.Tests.Infrastructure;

namespace QqConnect.Client.Tests.Transport;

/// <summary>
/// Use after Dispose is an <see cref="ObjectDisposedException"/> naming the client, and so is a call that was in
/// flight when the client was disposed: never a Timeout, never HttpClient's raw exception.
/// </summary>
public sealed class DisposeTests
{
    [Fact]
    public async Task GetOpenId_AfterDisposeOfAnOwningClient_ThrowsObjectDisposedExceptionNamingTheClient()
    {
        var client = new QqConnectClient(TestApp.Options(o => o.BaseAddress = new Uri("http://127.0.0.1:9/")));
        client.Dispose();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetOpenIdAsync(TestApp.AccessToken));

        Assert.Equal(typeof(QqConnectClient).FullName, error.ObjectName);
    }

    [Fact]
    public async Task ExchangeCode_AfterDisposeOverACallerOwnedHttpClient_ThrowsObjectDisposedException()
    {
        var network = TestApp.StrictNetwork();
        var client = TestApp.Client(network);
        client.Dispose();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ExchangeCodeAsync(TestApp.Code));

        Assert.Equal(typeof(QqConnectClient).FullName, error.ObjectName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetOpenId_InFlightWhenDisposed_ThrowsObjectDisposedExceptionNotTimeout(bool resilience)
    {
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var port = ((IPEndPoint)server.LocalEndpoint).Port;
        var client = new QqConnectClient(TestApp.Options(o =>
        {
            o.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
            o.Resilience.Enabled = resilience;
        }));
        var call = client.GetOpenIdAsync(TestApp.AccessToken);
        using var accepted = await server.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));

        client.Dispose();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(typeof(QqConnectClient).FullName, error.ObjectName);
    }
}
