using Stayfull.Domain.Live;

namespace Stayfull.Web.Live;

/// <summary>What the live hub sends to its clients. A .NET client listens with <c>On&lt;HotelChange&gt;("Changed", …)</c>.</summary>
public interface ILiveClient
{
    Task Changed(HotelChange change);
}
