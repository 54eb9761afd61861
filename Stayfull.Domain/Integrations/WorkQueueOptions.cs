namespace Stayfull.Domain.Integrations;

/// <summary>Bound from <c>Integrations:WorkQueue</c>.</summary>
public sealed class WorkQueueOptions
{
    public const string Section = "Integrations:WorkQueue";

    /// <summary>
    /// How long an instance holds a webhook or an outbox item it took. It must outlast one vendor call (their
    /// timeouts are 30 s at most); it is also how long work taken by an instance that died waits to be picked up.
    /// </summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(2);
}
