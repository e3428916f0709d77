namespace QqConnect.Client.DependencyInjection;

/// <summary>
/// Marks in the service collection that a QQ Connect app was registered under <see cref="Name"/>, so that a second
/// registration of the same name fails instead of merging two apps' options.
/// </summary>
internal sealed class QqConnectRegistration
{
    public QqConnectRegistration(string name) => Name = name;

    public string Name { get; }
}
