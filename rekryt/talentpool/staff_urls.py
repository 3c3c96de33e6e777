from rekryt.talentpool.urls import staff_urlpatterns

urlpatterns = staff_urlpatterns
