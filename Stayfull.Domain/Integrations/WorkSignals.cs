namespace Stayfull.Domain.Integrations;

/// <summary>Wakes a processor at once when work arrives, instead of at its next poll. Extra wake-ups are harmless.</summary>
public sealed class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // A concurrent writer raised it first: one wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

public static class WorkSignals
{
    public static WorkSignal Inbox { get; } = new();

    public static WorkSignal Outbox { get; } = new();
}
