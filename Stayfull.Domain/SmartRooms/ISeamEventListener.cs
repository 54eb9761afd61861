namespace Stayfull.Domain.SmartRooms;

/// <summary>
/// Applies one family of Seam events (door codes, lock and device state, thermostats, action attempts).
/// <see cref="SeamEventApplier"/> hands each stored event to every handler that takes its type. Delivery is
/// at least once, so a handler must change nothing when the state is already there.
/// </summary>
public interface ISeamEventListener
{
    bool Takes(string eventType);

    Task HandleAsync(SeamEvent seamEvent, CancellationToken cancellationToken);
}
