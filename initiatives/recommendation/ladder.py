"""The five operating models as the engine climbs them: lightest first, each by its slug."""

from initiatives.operating_models import OperatingModel

LIGHT = OperatingModel.LIGHT_COORDINATION.value
LEAD = OperatingModel.LEAD_DEPARTMENT.value
BOARD = OperatingModel.JOINT_PROGRAMME_BOARD.value
SHARED_SERVICE = OperatingModel.SHARED_SERVICE.value
DATA_SHARING = OperatingModel.DATA_SHARING_PARTNERSHIP.value
MODELS_LIGHTEST_FIRST: tuple[str, ...] = tuple(model.value for model in OperatingModel)
