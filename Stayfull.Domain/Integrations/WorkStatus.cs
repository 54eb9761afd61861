namespace Stayfull.Domain.Integrations;

/// <summary>Where a received webhook or an outbound intent stands.</summary>
public enum WorkStatus
{
    Pending = 0,
    Done = 1,
    /// <summary>Gave up after retries or on a permanent error; staff can retry it from the UI.</summary>
    Failed = 2,
}
