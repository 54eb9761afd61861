using Stayfull.Domain.Integrations;

namespace Stayfull.Domain.Channels.Ari;

/// <summary>Wakes the ARI pusher as soon as a save leaves changes to push, instead of at its next poll.</summary>
public static class AriSignals
{
    public static WorkSignal Pending { get; } = new();
}
