using System.Globalization;

namespace Stayfull.Web.Startup;

/// <summary>
/// This web process among the instances behind the load balancer: the scheduler's instance id, the origin of the
/// live changes it shares, and the instance recorded against each job run. Unique per process start.
/// </summary>
public sealed class InstanceIdentity
{
    public InstanceIdentity(string id) => Id = id;

    public string Id { get; }

    public static InstanceIdentity ForThisProcess() =>
        new($"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}");

    public override string ToString() => Id;
}
