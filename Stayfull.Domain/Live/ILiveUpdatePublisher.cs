namespace Stayfull.Domain.Live;

/// <summary>Port: tells every open screen of a hotel that something changed. Published after the change is saved.</summary>
public interface ILiveUpdatePublisher
{
    ValueTask PublishAsync(HotelChange change, CancellationToken cancellationToken = default);
}
