// Stable error codes of the workflow module, each with its zh-CN title.
import { defineError } from '../../platform/errors.ts';

export const workflowErrors = {
  taskNotFound: defineError('WORKFLOW_TASK_NOT_FOUND', 404, '待办任务不存在'),
  taskClosed: defineError('WORKFLOW_TASK_CLOSED', 409, '该任务已被处理'),
  taskClaimed: defineError('WORKFLOW_TASK_CLAIMED', 409, '该任务已被他人签收'),
  notClaimedByYou: defineError('WORKFLOW_TASK_NOT_YOURS', 409, '该任务不在您的名下'),
  alreadySigned: defineError('WORKFLOW_ALREADY_SIGNED', 409, '您已在本环节会签，会签需由不同人员完成'),
  wrongAction: defineError('WORKFLOW_WRONG_ACTION', 400, '该环节不支持此操作'),
  instanceExists: defineError('WORKFLOW_INSTANCE_EXISTS', 409, '该办件的审批流程已启动'),
  notDepartmentAdmin: defineError('WORKFLOW_NOT_DEPT_ADMIN', 403, '只有本部门的部门管理员可以进行此操作'),
  assigneeInvalid: defineError('WORKFLOW_ASSIGNEE_INVALID', 400, '被指派人员不属于本部门或没有该环节的角色'),
  processInvalid: defineError('WORKFLOW_PROCESS_INVALID', 400, '审批流程定义不符合要求'),
};
