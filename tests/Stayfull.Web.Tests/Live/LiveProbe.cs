using Microsoft.AspNetCore.Components.Rendering;
using Stayfull.Domain.Live;
using Stayfull.Web.Components.Common;

namespace Stayfull.Web.Tests.Live;

/// <summary>The smallest live screen: it counts how often it loaded, which is once plus once per watched change.</summary>
public sealed class LiveProbe : LiveComponentBase
{
    private static readonly ChangeTopic[] Topics = [ChangeTopic.Reservations, ChangeTopic.Payments];

    public int Loads { get; private set; }

    protected override IReadOnlyCollection<ChangeTopic> WatchedTopics => Topics;

    protected override Task LoadAsync()
    {
        Loads++;
        return Task.CompletedTask;
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "id", "loads");
        builder.AddContent(2, Loads);
        builder.CloseElement();
    }
}
